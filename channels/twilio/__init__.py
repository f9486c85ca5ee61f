"""Twilio at the edge: pure functions and thin clients, no database.

One module per job, each imported directly (`from channels.twilio.sender import TwilioSender`), so
that the webhook route, which only validates and parses, does not load the HTTP and model clients:

- `signature` — is this request from Twilio? (`X-Twilio-Signature` over the public URL and every
  form parameter, with twilio's own `RequestValidator`)
- `inbound` — the form of an inbound WhatsApp message or a delivery status callback, parsed
- `status` — Twilio's message statuses as ours, and which transitions move forward
- `twiml` — the reply as TwiML in the webhook's response
- `split` — a long reply cut into parts Twilio accepts
- `window` — WhatsApp's 24-hour customer-service window, and free text or an approved template
- `sender` — the REST send, through twilio's `Client`, retried, idempotent
- `media` — an attachment fetched, checked and stored content-addressed
- `transcribe` — a voice note as text through an OpenAI-compatible endpoint

Errors, each raised by one module and each saying whether trying again can help:

- `InvalidTwilioPayload(ValueError)` — a form that is not what Twilio sends; `field` names the
  parameter (HTTP 422)
- `TwilioSendError` — Twilio did not accept a message; `permanent` says whether a retry may help
- `MediaError` — `MediaRejected` (type, size, refused: permanent) or `MediaUnavailable` (network,
  5xx: try later)
- `TranscriptionFailed` — the speech-to-text call failed
- `NoTemplate(LookupError)` — outside the window, and no approved template for this kind of message
"""
