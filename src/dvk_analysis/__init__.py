"""dvk-analysis: claims about "Dân vận khéo" and new-rural-area (NTM) achievement.

The package keeps its import light (no pandas, no matplotlib) so that the ``dvk`` command
starts fast; every module imports its heavy dependencies itself.
"""

__version__ = "0.1.0"
