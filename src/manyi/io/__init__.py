"""Reading comment dumps and writing files: readers per format, column roles, safe writers.

>>> from manyi.io import read_comments
>>> frame, meta = read_comments(["物流很快"])
>>> frame.loc[0, "comment"]
'物流很快'
"""

from manyi.io.read import iter_comments, read_comments

__all__ = ["iter_comments", "read_comments"]
