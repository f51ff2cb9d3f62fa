"""Running the project: the ``dvk`` command, notebook execution (warm kernels, papermill), the
province batch with change detection and a lock, and the published HTML pages and index.
The top layer: it may import every other package; nothing imports it.
"""
