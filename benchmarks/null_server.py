"""`python -m benchmarks.null_server --port N`: answers every HTTP/1.1 request with one fixed JSON body.

The server case loads it with the same generator and concurrency as the two real servers: the
requests per second it reaches are a floor on what the load generator can drive on this machine, so
a server measured well below it was measured, not the generator.
"""

from __future__ import annotations

import argparse
import asyncio

BODY = b'{"result":true}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    + str(len(BODY)).encode()
    + b"\r\n\r\n"
    + BODY
)


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            writer.write(RESPONSE)
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int) -> None:
    server = await asyncio.start_server(_serve, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m benchmarks.null_server")
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(main(parser.parse_args().port))
