package starfish.orchestrator.measurement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import starfish.orchestrator.settings.DurationText;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** The JSON mapping of measurements files: snake_case fields, CLI spellings for enums, human durations. */
final class MeasurementsJson {

    private MeasurementsJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("measurements-values");
        text(values, Consensus.class, Consensus::cliName, Consensus::fromCliName);
        text(values, ByzantineStrategy.class, ByzantineStrategy::cliName, ByzantineStrategy::fromCliName);
        text(values, Safety.class, Safety::jsonName, s -> Safety.valueOf(s.toUpperCase()));
        text(values, Duration.class, DurationText::format, DurationText::parse);
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(values);
    }

    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> write,
                                 Function<String, T> read) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return read.apply(parser.getValueAsString());
            }
        });
    }
}
