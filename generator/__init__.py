"""Turns the hand-written spec in spec/ into the artifacts under generated/."""
