"""The project's tables: schemas, loading, validation, reference tables and the analysis data set.

``schema`` declares every column and rule; ``load`` reads a table and validates it so a bad cell
is one line naming file, row and column; ``validate`` checks all tables together (and the quoted
numbers against the article texts, with the extractor's own parser); ``reference`` serves the
province, population and NTM-status tables; ``dataset`` joins claims with their sources and
stories; ``docs`` renders the codebook page. Sits above ``text`` (it uses the number parser) and
below ``analysis``.
"""
