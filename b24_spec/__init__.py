"""The bundled spec as one typed model: where the bundle is, how `$ref` is followed, and what each
operation's `x-bitrix-*` markings say. Every other part of the project reads the spec through here."""
