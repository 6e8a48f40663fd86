package io.voidvm.servicekit.input;

import io.voidvm.servicekit.input.domain.StorableText;
import io.voidvm.servicekit.problem.JsonValueRefusedException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every {@code String} of a request body: only a JSON string is one (Jackson's own deserializer turns
 * {@code 12345}, {@code true} and {@code 1.5} into text), and it must be {@linkplain StorableText storable}. A
 * property marked {@link MultilineText} may also hold tab and line breaks.
 */
final class StorableStringDeserializer extends StdScalarDeserializer<String> {

    static final StorableStringDeserializer SINGLE_LINE = new StorableStringDeserializer(false);
    private static final StorableStringDeserializer MULTI_LINE = new StorableStringDeserializer(true);

    private final boolean multiline;

    private StorableStringDeserializer(boolean multiline) {
        super(String.class);
        this.multiline = multiline;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean multilineProperty = property != null && property.getAnnotation(MultilineText.class) != null;
        return multilineProperty ? MULTI_LINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String value = parser.getString();
        var refusal = StorableText.refusal(value, multiline);
        if (refusal.isPresent()) {
            throw new JsonValueRefusedException(parser, refusal.get());
        }
        return value;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
