"""Derived views over the model: quadrants, coverage, value matrix, roll-ups. No I/O."""
