"""Figures: one house style (colour-blind-safe palette, units on axes, sources in captions) and
deterministic SVG and PNG output (same bytes on every run). Draws what ``analysis`` computed;
computes nothing of its own beyond layout.
"""
