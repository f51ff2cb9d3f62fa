"""From observations to numbers a researcher can interpret: panel, metrics and statistics.

``panel`` turns claims into one row per unit and period (choosing among competing figures);
``metrics`` defines every derived rate once (``METRICS``), with its input checks; ``stats``
holds the small-sample statistics (rank correlation with bootstrap CI, fractional logit) behind
table-shaped wrappers and sample-size guards. No figures and no file output here.
"""
