"""Edge adapters: Twilio WhatsApp, the voice webhook, SMS/email and the outbound event relay."""
