"""Controllers: each owns one feature of the window, and the window wires them."""
