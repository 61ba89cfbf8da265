"""Astronomy for Spiritual G-Code: pure Python on pyswisseph, no Django imports."""
