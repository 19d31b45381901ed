"""Size caps for untrusted input, as data. Over a cap, an input is skipped with a reason."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""A single .txt/.html/.json file larger than this is not read (a .jsonl corpus may be larger)."""

MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024
"""A .jsonl file is streamed line by line up to this size."""

MAX_RECORD_BYTES = 20 * 1024 * 1024
"""One JSONL line (one article record) larger than this is skipped."""

MAX_GZIP_BYTES = 20 * 1024 * 1024
"""A gzip file is decompressed up to this many bytes; more is treated as a bomb and skipped."""

MAX_TEXT_CHARS = 500_000
"""An article whose text or HTML has more characters than this is skipped.

The longest real news articles run to tens of thousands of characters; half a million keeps
the deep analysis of one input within seconds (spaCy's own cap is a million)."""

MAX_HTML_CHARS = 5_000_000
"""An HTML page larger than this is skipped (real news pages run to 1.5M characters of markup)."""

MAX_FILES = 200_000
"""A directory walk stops after this many files and reports the rest as not read."""

BINARY_CONTROL_SHARE = 0.10
"""Share of control characters (other than tab/newline) above which a file is binary."""
