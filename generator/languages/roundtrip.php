<?php
// Decodes each case of a cases file ([{"id", "model", "value"}]) into its generated model class with
// the client's ObjectSerializer and prints it re-encoded, one "id TAB json" line per case, so the
// caller can tell which members the model kept. A case that does not decode prints "id TAB !error".
// Usage: php roundtrip.php <client dir> <cases.json>

$lib = $argv[1] . '/lib/';
spl_autoload_register(function (string $class) use ($lib): void {
    $prefix = 'OpenAPI\\Client\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = $lib . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

use OpenAPI\Client\ObjectSerializer;

$cases = json_decode(file_get_contents($argv[2]));
foreach ($cases as $case) {
    try {
        // The type as the API's docblock names it: a model class in full, or `object`.
        $decoded = ObjectSerializer::deserialize($case->value, $case->model);
        $encoded = ObjectSerializer::sanitizeForSerialization($decoded);
        echo $case->id, "\t", json_encode($encoded, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES), "\n";
    } catch (Throwable $error) {
        echo $case->id, "\t!", str_replace("\n", ' ', get_class($error) . ': ' . $error->getMessage()), "\n";
    }
}
