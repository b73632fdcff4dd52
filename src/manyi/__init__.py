"""manyi 满意: mine Chinese customer feedback.

>>> import manyi
>>> result = manyi.analyze(["物流很快，但是包装破了"])
>>> result.comments.loc[0, "dimensions"]
'logistics;product'

Importing manyi loads no dictionary or model; they load once, on first use.
"""

from manyi import io
from manyi.annotate.sentiment.model import SentimentModel
from manyi.errors import InputError, LexiconError, ManyiError, ModelError
from manyi.pipeline import Result, analyze
from manyi.stream import analyze_to_dir
from manyi.text.lexicon import Lexicon

__all__ = ["InputError", "Lexicon", "LexiconError", "ManyiError", "ModelError", "Result",
           "SentimentModel", "analyze", "analyze_to_dir", "io"]
__version__ = "0.1.0"
