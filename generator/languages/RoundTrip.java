import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.client.JSON;

/**
 * Decodes each case of a cases file ([{"id", "model", "value"}]) into its generated model class with
 * the client's own ObjectMapper and prints it re-encoded, one "id TAB json" line per case, so the
 * caller can tell which members the model kept. A case that does not decode prints "id TAB !error".
 */
public class RoundTrip {
    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = JSON.getDefault().getMapper();
        JsonNode cases = mapper.readTree(Files.readString(Path.of(args[0])));
        for (JsonNode item : cases) {
            String id = item.get("id").asText();
            try {
                // A schema the generator maps to a Java type (an open request: Object) is named in full.
                String name = item.get("model").asText();
                Class<?> model = Class.forName(name.contains(".") ? name : "org.openapitools.client.model." + name);
                Object decoded = mapper.treeToValue(item.get("value"), model);
                System.out.println(id + "\t" + mapper.writeValueAsString(decoded));
            } catch (Exception error) {
                System.out.println(id + "\t!" + error.toString().replace('\n', ' '));
            }
        }
    }
}
