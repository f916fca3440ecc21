"""A real SMTP server for the tests: saves every message it accepts as NNNN.eml in a folder, with
NNNN.json beside it holding the decoded parts (subject, text, html, attachments with their SHA-256).

usage: python3 smtp_sink.py PORT FOLDER [USER PASSWORD]
With USER and PASSWORD the server requires AUTH (over plain TCP: this is a loopback test server).
Prints READY once it listens.
"""
import email
import email.policy
import hashlib
import json
import os
import sys
import threading
import itertools

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

port = int(sys.argv[1])
folder = sys.argv[2]
user = sys.argv[3].encode() if len(sys.argv) > 4 else None
password = sys.argv[4].encode() if len(sys.argv) > 4 else None
counter = itertools.count(1)
lock = threading.Lock()


class Sink:
    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = next(counter)
        data = session.login_data
        login = data.login.decode() if isinstance(data, LoginPassword) else data.decode() if isinstance(data, bytes) else ""
        header = (f"X-Sink-Mail-From: {envelope.mail_from}\r\n"
                  f"X-Sink-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n"
                  f"X-Sink-Login: {login}\r\n").encode()
        tmp = os.path.join(folder, f"{n:04d}.tmp")
        with open(tmp, "wb") as f:
            f.write(header + envelope.original_content)
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        decoded = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login,
                   "subject": str(msg["subject"]), "message_id": str(msg["message-id"]),
                   "text": None, "html": None, "attachments": []}
        for part in msg.walk():
            if part.is_multipart():
                continue
            if part.get_filename():
                data = part.get_payload(decode=True)
                decoded["attachments"].append({"name": part.get_filename(), "type": part.get_content_type(),
                                               "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
            elif part.get_content_type() == "text/plain" and decoded["text"] is None:
                decoded["text"] = part.get_content()
            elif part.get_content_type() == "text/html" and decoded["html"] is None:
                decoded["html"] = part.get_content()
        with open(os.path.join(folder, f"{n:04d}.json.tmp"), "w") as f:
            json.dump(decoded, f)
        os.replace(os.path.join(folder, f"{n:04d}.json.tmp"), os.path.join(folder, f"{n:04d}.json"))
        os.replace(tmp, os.path.join(folder, f"{n:04d}.eml"))
        return "250 OK saved"


def authenticate(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password:
        return AuthResult(success=True, auth_data=auth_data)
    return AuthResult(success=False, handled=False)


class CaseInsensitiveAuthSMTP(SMTP):
    # RFC 4954 mechanism names are case-insensitive; .NET's SmtpClient sends "AUTH login", which
    # aiosmtpd 1.4 would refuse as an unknown mechanism.
    async def smtp_AUTH(self, arg):
        if arg:
            head, _, rest = arg.partition(" ")
            arg = head.upper() + (" " + rest if rest else "")
        return await super().smtp_AUTH(arg)


class SinkController(Controller):
    def factory(self):
        return CaseInsensitiveAuthSMTP(self.handler, **self.SMTP_kwargs)


kwargs = {}
if user is not None:
    kwargs = dict(authenticator=authenticate, auth_required=True, auth_require_tls=False)
controller = SinkController(Sink(), hostname="127.0.0.1", port=port, **kwargs)
controller.start()
print("READY", flush=True)
try:
    sys.stdin.read()  # the test closes stdin (or kills us) to stop the server
finally:
    controller.stop()
