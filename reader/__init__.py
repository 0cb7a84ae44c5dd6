"""ocr-reader: a desktop reader for raw OCR text of Chinese newspaper pages."""

__version__ = "0.1.0"
