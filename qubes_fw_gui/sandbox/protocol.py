"""qubesd's wire protocol: request header parsing and reply frames (facts §1.2, §1.3).

Nothing here knows about qubes; the server feeds bytes in and writes bytes out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# qubesd aborts a connection whose request (header + payload) exceeds this.
MAX_REQUEST_BYTES = 65536

SUCCESS = b"0\0"
EVENT = b"1\0"
EXCEPTION = b"2\0"


class Abort(Exception):
    """What qubesd does for any non-Qubes exception: log it, send nothing, drop the line."""


class ApiError(Exception):
    """An exception frame. The frame names the class, so subclasses carry qubesd's names."""

    # ProtocolError and PermissionDenied make qubesd abort after the frame.
    aborts = False

    def __init__(self, message: str = "") -> None:
        # qubesadmin applies `message % ()`: a '%' would break the client.
        super().__init__(message.replace("%", "percent"))

    @property
    def kind(self) -> str:
        return type(self).__name__


class QubesException(ApiError):
    pass


class QubesValueError(QubesException):
    pass


class QubesVMNotFoundError(QubesException):
    pass


class QubesVMNotStartedError(QubesException):
    pass


class QubesNoSuchPropertyError(QubesException):
    pass


class QubesPropertyAccessError(QubesException):
    pass


class QubesFeatureNotFoundError(QubesException):
    pass


class QubesLabelNotFoundError(QubesException):
    pass


class ProtocolError(ApiError):
    aborts = True


class PermissionDenied(ApiError):
    aborts = True


@dataclass(frozen=True)
class Request:
    method: str
    arg: str
    source: str
    dest: str
    payload: bytes


def parse_request(data: bytes) -> Request:
    """Split one whole request as qubesd's eof_received does; Abort on a framing error."""
    header, has_nul, payload = data.partition(b"\0")
    if not has_nul:
        raise Abort("no NUL after the header")
    try:
        text = header.decode("ascii")
    except UnicodeDecodeError:
        raise Abort("non-ASCII header") from None
    fields = text.split(" ")
    if len(fields) != 4:
        raise Abort("the header must have exactly four fields")
    call, source, dest_type, dest = fields
    method, _, arg = call.partition("+")
    if dest_type == "keyword":
        if dest != "adminvm":
            raise Abort("unknown destination keyword")
        dest = "dom0"
    elif dest_type != "name":
        raise Abort("unknown destination type")
    return Request(method, arg, source, dest, payload)


def success_frame(body: str | bytes = b"") -> bytes:
    if isinstance(body, str):
        body = body.encode("utf-8")
    return SUCCESS + body


def exception_frame(error: ApiError) -> bytes:
    # The traceback field is always there (empty), or qubesadmin's unpacking fails.
    return EXCEPTION + error.kind.encode("ascii") + b"\0\0" + str(error).encode("utf-8") + b"\0"


def event_frame(subject: str, event: str, kwargs: Mapping[str, object] | None = None) -> bytes:
    parts = [subject, event]
    for key, value in (kwargs or {}).items():
        parts += [key, str(value)]
    return EVENT + "".join(part + "\0" for part in parts).encode("ascii", "replace") + b"\0"
