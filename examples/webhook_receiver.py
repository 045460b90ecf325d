"""A webhook receiver an integrator might write: it checks each message's signature with the Standard
Webhooks library (pip install standardwebhooks), drops a message it has seen (the webhook-id stays the same
across retries and redeliveries), and prints the event.

    WEBHOOK_SECRET=whsec_... python3 examples/webhook_receiver.py 9000

Then register http://127.0.0.1:9000/ as an endpoint (the server needs WEBHOOK_ALLOW_LOOPBACK=true for a
loopback http target; in production an endpoint is https on a public address).
"""

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

SECRET = os.environ["WEBHOOK_SECRET"]
seen: set[str] = set()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            event = Webhook(SECRET).verify(body, headers)
        except WebhookVerificationError as error:
            print(f"refused: {error}", flush=True)
            self.send_response(400)
            self.end_headers()
            return
        message = headers["webhook-id"]
        if message in seen:
            print(f"{message}: seen before, ignored", flush=True)
        else:
            seen.add(message)
            print(f"{message}: {event['type']} {json.dumps(event['data'], ensure_ascii=False)}", flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:  # quiet: the prints above say what matters
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    HTTPServer(("127.0.0.1", port), Handler).serve_forever()
