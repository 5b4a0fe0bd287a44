"""What trails a printed title without being part of it: a note in brackets at its end.

A report's own title (…年度报告（全文）) and a cited one (…办法（试行）, …（征求意见稿）) both carry
such notes; one pattern reads them for both.
"""
from __future__ import annotations

import re

MAX_NOTE = 12  # characters: （全文）, （2019年修订）, （征求意见稿）; a longer bracket is part of the title
TRAILING_NOTE = re.compile(rf"[(（][^()（）]{{1,{MAX_NOTE}}}[)）]$")
