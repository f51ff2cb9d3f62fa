"""From article text to claims: numbers, units, periods, languages, place mentions, extraction.

Data flows up this package: ``numbers`` and ``units`` read figures as the article's language
writes them (CLDR separators, word multipliers); ``periods`` (with ``dates``) and ``places`` find
when and where; ``language`` tells the language; ``extract`` attaches each number to a codebook
indicator and writes observation rows; ``stories`` groups translations of one report;
``evaluate`` scores the extractor against the curated gold. Lexicons (one TOML file per language
in ``resources/``) hold the words, so a researcher extends a language without touching code.
Imports only the core modules (``codebook``, ``gazetteer``, ``fileio``, ``paths``, ``errors``).
"""
