"""Printed documents to GB/T 9704-2012 (documents layer: DTOs in, PDF out; no database, no Qt).

``model`` holds the input values, ``builder`` the entry points (``to_pdf_bytes`` for the preview,
``write_document`` for files); ``fonts`` finds and registers the CJK fonts, ``geometry.page`` the
page grid, ``linebreak`` the Chinese line breaking, ``layout`` paragraphs and pages, ``render`` the
ReportLab drawing, ``page_number`` the page numbers (turned with the sheet on landscape pages),
and ``forms`` one builder per printed form.
"""
