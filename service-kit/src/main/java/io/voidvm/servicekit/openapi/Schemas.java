package io.voidvm.servicekit.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Set;

/**
 * Schema objects that render right in OpenAPI 3.1 ({@code types}) and in 3.0 ({@code type}), for the few schemas
 * service-kit writes by hand.
 */
final class Schemas {

    private Schemas() {
    }

    static Schema<Object> of(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }

    static Schema<Object> string() {
        return of("string");
    }

    static Schema<Object> integer() {
        return of("integer").format("int32");
    }

    static Schema<Object> object() {
        return of("object");
    }

    static Schema<Object> array(Schema<?> items) {
        return of("array").items(items);
    }

    static Schema<Object> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }
}
