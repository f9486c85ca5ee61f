"""The public paths other systems call, written once: the API's prefix and the webhooks under it.

Twilio is told `STATUS_PATH` (on every send) and the voice platform is configured with `VOICE_PATH`;
the routers mount under `API_PREFIX` (api/routes/__init__.py).
"""

API_PREFIX = "/api/v1/prm"
WHATSAPP_PATH = f"{API_PREFIX}/webhooks/twilio/whatsapp"
STATUS_PATH = f"{API_PREFIX}/webhooks/twilio/status"
VOICE_PATH = f"{API_PREFIX}/webhooks/voice-agent"
