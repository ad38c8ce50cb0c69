"""Extraction: from a file to records (readers, normalise, segment, facts, fields, vocabularies)."""
