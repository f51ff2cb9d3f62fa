"""What the notebooks show: the corpus overview (notebook 01), one province's profile
(notebook 02) and the cross-province relationships (notebook 03). Each module combines the
data set, the panel, the statistics and the figures into tables and figures, so that notebooks
hold narrative and parameters only.
"""
