"""File names that are not UTF-8, as the store holds them and gives them back."""

from __future__ import annotations

import os

from reader.store.db import storable, stored_name


def test_a_name_that_is_not_utf8_is_stored_and_given_back_as_the_system_names_it() -> None:
    """Such a name (its bytes read by the system as stand-in characters) is stored with
    those bytes as \\xNN, the same way each time, and given back as it was, so the page
    of a passage in the Tags panel opens; a name that holds \\x as text, or is UTF-8,
    is stored as it is."""
    odd = os.fsdecode(b"/pages/p\xe9ge \xff.txt")
    assert storable(odd) == storable(odd) == "/pages/p\\xe9ge \\xff.txt"
    assert stored_name(storable(odd)) == odd
    for plain in ("/pages/页面.txt", "/pages/a\\x41.txt", "/pages/a.txt"):
        assert storable(plain) == plain and stored_name(plain) == plain
