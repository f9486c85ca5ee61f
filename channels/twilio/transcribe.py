"""A voice note as text, through any OpenAI-compatible `audio/transcriptions` endpoint.

The client comes from the caller (`api/` builds it with its endpoint, key, timeout and retries).
Every failure — the endpoint down, a refused file, an unknown model, a transcript with no words —
is one `TranscriptionFailed`, whose message names the error's type and HTTP status only: the
endpoint's own message may quote what the patient said.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import openai

# the endpoint tells the format by the file name's extension, so a name without one gets it from
# the audio's first bytes (WhatsApp voice notes are Ogg Opus)
_SIGNATURES = ((b"OggS", ".ogg"), (b"#!AMR", ".amr"), (b"ID3", ".mp3"), (b"\xff\xfb", ".mp3"))


class TranscriptionFailed(Exception):
    """No transcript: the caller asks the patient to type instead."""


def _named(filename: str, audio: bytes) -> str:
    if PurePosixPath(filename).suffix:
        return filename
    if audio[4:8] == b"ftyp":
        return filename + ".m4a"
    return filename + next((ext for magic, ext in _SIGNATURES if audio.startswith(magic)), "")


async def transcribe(*, audio: bytes, filename: str, model: str, client: openai.AsyncOpenAI) -> str:
    """The words in `audio`. `filename`'s extension tells the endpoint the format (`note.ogg`);
    without one, it is recognised from the audio itself (Ogg, AMR, MP3, MP4)."""
    if not audio:
        raise TranscriptionFailed("empty audio")
    try:
        result = await client.audio.transcriptions.create(model=model, file=(_named(filename, audio), audio))
    except openai.OpenAIError as error:
        status = f" HTTP {error.status_code}" if isinstance(error, openai.APIStatusError) else ""
        raise TranscriptionFailed(f"{type(error).__name__}{status}") from None
    text = (result if isinstance(result, str) else result.text).strip()
    if not text:
        raise TranscriptionFailed("the transcript is empty")
    return text
