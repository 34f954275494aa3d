"""PDF reports: data loading, fonts, text layout (shaping, bidi, Thai breaks), charts, documents."""
