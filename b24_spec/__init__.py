"""The bundled OpenAPI description of the Bitrix24 REST methods, as the installed tools read it."""
