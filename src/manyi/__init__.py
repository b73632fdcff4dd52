"""manyi 满意: mine Chinese customer feedback.

>>> import manyi
>>> result = manyi.analyze(["物流很快，但是包装破了"])
>>> result.comments.loc[0, "dimensions"]
'logistics;product'

Importing manyi loads no dictionary or model; they load once, on first use.
"""

from . import io
from .errors import InputError, LexiconError, ManyiError, ModelError
from .lexicon import Lexicon
from .pipeline import Result, analyze
from .sentiment import SentimentModel
from .stream import analyze_to_dir

__all__ = ["InputError", "Lexicon", "LexiconError", "ManyiError", "ModelError", "Result",
           "SentimentModel", "analyze", "analyze_to_dir", "io"]
__version__ = "0.1.0"
