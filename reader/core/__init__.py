"""The text engine: decoding, reflow, segmentation, outline and export. Never imports Qt."""
