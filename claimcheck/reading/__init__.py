"""Reading a page as a careful reader does: main text, metadata, language, PDFs, walls."""
