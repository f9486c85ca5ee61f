"""Voice notes to text through the real OpenAI client against the local OpenAI-compatible stub."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import openai
import pytest

from channels.twilio.transcribe import TranscriptionFailed, transcribe
from tests.fakes.openai_stub import OpenAIStub, error, transcript

OGG = b"OggS\x00\x02" + b"opus voice note" * 20


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub() as server:
        yield server


def client_for(base_url: str) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(api_key="sk-test", base_url=base_url, max_retries=0, timeout=5)


async def test_the_words_come_back_and_the_file_is_uploaded_as_sent(stub: OpenAIStub) -> None:
    stub.script(transcript("  Hola, necesito una cita con el dermatólogo.\n"))
    text = await transcribe(
        audio=OGG, filename="note.ogg", model="whisper-1", client=client_for(stub.url + "/v1")
    )
    assert text == "Hola, necesito una cita con el dermatólogo."
    assert stub.requests == [{"model": "whisper-1", "file_name": "note.ogg", "file_size": len(OGG)}]


@pytest.mark.parametrize(
    ("audio", "name"),
    [
        (OGG, "voice-note.ogg"),
        (b"#!AMR\n" + b"\0" * 50, "voice-note.amr"),
        (b"ID3\x04" + b"\0" * 50, "voice-note.mp3"),
        (b"\0\0\0\x20ftypM4A " + b"\0" * 50, "voice-note.m4a"),
        (b"unknown format", "voice-note"),
    ],
)
async def test_a_name_without_extension_gets_the_audios_own(
    stub: OpenAIStub, audio: bytes, name: str
) -> None:
    stub.script(transcript("hello"))
    await transcribe(
        audio=audio, filename="voice-note", model="whisper-1", client=client_for(stub.url + "/v1")
    )
    assert stub.requests[0]["file_name"] == name


async def test_an_endpoint_error_is_one_failure_that_does_not_quote_the_endpoint(stub: OpenAIStub) -> None:
    stub.script(error(500, "could not decode: 'my chest hurts'"))
    with pytest.raises(TranscriptionFailed) as raised:
        await transcribe(audio=OGG, filename="n.ogg", model="whisper-1", client=client_for(stub.url + "/v1"))
    assert str(raised.value) == "InternalServerError HTTP 500" and raised.value.__cause__ is None
    stub.script(error(400, "unknown model"))
    with pytest.raises(TranscriptionFailed, match="BadRequestError HTTP 400"):
        await transcribe(audio=OGG, filename="n.ogg", model="nope", client=client_for(stub.url + "/v1"))


async def test_an_empty_transcript_or_empty_audio_fails(stub: OpenAIStub) -> None:
    stub.script(transcript("   "))
    with pytest.raises(TranscriptionFailed, match="empty"):
        await transcribe(audio=OGG, filename="n.ogg", model="whisper-1", client=client_for(stub.url + "/v1"))
    with pytest.raises(TranscriptionFailed, match="empty audio"):
        await transcribe(audio=b"", filename="n.ogg", model="whisper-1", client=client_for(stub.url + "/v1"))
    assert len(stub.requests) == 1


async def test_no_endpoint_at_all_fails() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(TranscriptionFailed, match="APIConnectionError"):
        await transcribe(
            audio=OGG, filename="n.ogg", model="whisper-1", client=client_for(f"http://127.0.0.1:{port}/v1")
        )
