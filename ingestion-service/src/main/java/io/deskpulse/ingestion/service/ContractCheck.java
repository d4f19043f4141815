package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A yes-or-no check of an event against the contract's JSON Schema, compiled from the schema at startup, that
 * lets plainly valid events skip the full validator. The full validator (networknt) builds paths, messages and
 * annotations for every keyword it evaluates, the eleven failing {@code if}s of every event included: about
 * 7 µs an event, most of ingestion's cost. This check costs a fraction of a microsecond.
 *
 * <p>The full validator stays the authority: an event that this check does not find {@link Verdict#VALID} is
 * validated in full, and the answer is the full validator's. So this check must never call valid what the full
 * validator refuses, and it answers {@link Verdict#UNSURE} wherever it does not mirror the full validator
 * exactly (a fractional number where an integer is wanted, numbers outside a double's or a long's range, JSON
 * values of unusual kinds). {@link Verdict#INVALID} is exact too, because an {@code if} that fails decides
 * whether its {@code then} applies. It understands the keywords the contract uses; {@link #compile} refuses a
 * schema with any other keyword ({@link UnsupportedSchemaException}), and the service then validates every
 * event in full. EventValidatorAgreementTest holds the two to the same verdicts.
 */
final class ContractCheck {

    enum Verdict { VALID, INVALID, UNSURE }

    /** One compiled keyword (or a whole subschema); checks one JSON value. */
    private interface Rule {
        Verdict check(JsonNode node);
    }

    private static final Rule ALWAYS = node -> Verdict.VALID;
    private static final Rule NEVER = node -> Verdict.INVALID;

    /** Keywords that only annotate (format is an annotation in 2020-12, as the full validator runs it). */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "title", "description", "format",
            "default", "examples", "deprecated", "readOnly", "writeOnly", "$defs");

    private final Rule root;

    private ContractCheck(Rule root) {
        this.root = root;
    }

    /** Compiles the schema document; throws {@link UnsupportedSchemaException} for what this check does not know. */
    static ContractCheck compile(JsonNode schemaDocument) {
        return new ContractCheck(new Compiler(schemaDocument).compile(schemaDocument, "#", 0));
    }

    Verdict check(JsonNode event) {
        return root.check(event);
    }

    /** The schema uses a keyword or a form that {@link ContractCheck} does not mirror. */
    static final class UnsupportedSchemaException extends RuntimeException {
        UnsupportedSchemaException(String where, String what) {
            super(where + ": " + what);
        }
    }

    private static final class Compiler {
        private final JsonNode document;
        private final Map<String, Rule> references = new HashMap<>();

        Compiler(JsonNode document) {
            this.document = document;
        }

        Rule compile(JsonNode schema, String at, int depth) {
            if (depth > 32) {
                throw new UnsupportedSchemaException(at, "nested too deeply (a cyclic $ref?)");
            }
            if (schema.isBoolean()) {
                return schema.booleanValue() ? ALWAYS : NEVER;
            }
            if (!schema.isObject()) {
                throw new UnsupportedSchemaException(at, "a schema must be an object or a boolean");
            }
            if (schema.has("type") && schema.has("enum")) {
                // The full validator lets some values of the wrong type through such a pair: not mirrored.
                throw new UnsupportedSchemaException(at, "type together with enum");
            }
            List<Rule> rules = new ArrayList<>();
            for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
                String name = keyword.getKey();
                JsonNode value = keyword.getValue();
                String here = at + "/" + name;
                switch (name) {
                    case "$id" -> {
                        if (depth > 0) {
                            throw new UnsupportedSchemaException(here, "$id below the root");
                        }
                    }
                    case "type" -> rules.add(type(value, here));
                    case "const" -> rules.add(constant(value, here));
                    case "enum" -> rules.add(enumeration(value, here));
                    case "required" -> rules.add(required(value, here));
                    case "properties" -> rules.add(properties(value, here, depth));
                    case "minLength" -> rules.add(length(count(value, here), true));
                    case "maxLength" -> rules.add(length(count(value, here), false));
                    case "pattern" -> rules.add(pattern(value, here));
                    case "minimum" -> rules.add(bound(value, here, true));
                    case "maximum" -> rules.add(bound(value, here, false));
                    case "minItems" -> rules.add(items(count(value, here), true));
                    case "maxItems" -> rules.add(items(count(value, here), false));
                    case "items" -> rules.add(each(compile(value, here, depth + 1)));
                    case "allOf" -> rules.add(discriminated(value, allOf(subschemas(value, here, depth)), here, depth));
                    case "anyOf" -> rules.add(anyOf(subschemas(value, here, depth)));
                    case "if" -> rules.add(conditional(schema, here, depth));
                    case "then", "else" -> {
                        // compiled with "if"; without an "if" they do nothing
                    }
                    case "$ref" -> rules.add(reference(value, here, depth));
                    default -> {
                        if (!ANNOTATIONS.contains(name)) {
                            throw new UnsupportedSchemaException(here, "keyword not supported by the fast check");
                        }
                    }
                }
            }
            return rules.isEmpty() ? ALWAYS : rules.size() == 1 ? rules.get(0) : allOf(rules);
        }

        private List<Rule> subschemas(JsonNode value, String at, int depth) {
            if (!value.isArray() || value.isEmpty()) {
                throw new UnsupportedSchemaException(at, "must be a non-empty array of schemas");
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                rules.add(compile(value.get(i), at + "/" + i, depth + 1));
            }
            return rules;
        }

        /**
         * The contract's per-type shape, {@code allOf: [{if: {properties: {type: {const: X}}, required: [type]},
         * then: ...}, ...]}, as one lookup of the event's type instead of one {@code if} per type: for an object
         * whose member is a string, every {@code if} but the one naming that string fails exactly, and without
         * an {@code else} a failed {@code if} asks nothing. Anything else goes to the general rule.
         */
        private Rule discriminated(JsonNode branches, Rule general, String at, int depth) {
            String member = null;
            Map<String, Rule> byValue = new HashMap<>();
            for (int i = 0; i < branches.size(); i++) {
                JsonNode branch = branches.get(i);
                JsonNode condition = branch.path("if");
                if (branch.size() != 2 || !branch.has("then") || condition.size() != 2
                        || condition.path("properties").size() != 1 || condition.path("required").size() != 1) {
                    return general;
                }
                String name = condition.path("required").get(0).asText();
                JsonNode constant = condition.path("properties").path(name);
                if (constant.size() != 1 || !constant.path("const").isTextual() || (member != null && !member.equals(name))
                        || byValue.containsKey(constant.path("const").asText())) {
                    return general;
                }
                member = name;
                byValue.put(constant.path("const").asText(), compile(branch.get("then"), at + "/" + i + "/then", depth + 1));
            }
            String discriminator = member;
            return node -> {
                if (!node.isObject()) {
                    return general.check(node);
                }
                JsonNode value = node.get(discriminator);
                if (value == null) {
                    return Verdict.VALID;
                }
                if (!value.isTextual()) {
                    return general.check(node);
                }
                Rule then = byValue.get(value.textValue());
                return then == null ? Verdict.VALID : then.check(node);
            };
        }

        private Rule conditional(JsonNode schema, String at, int depth) {
            Rule condition = compile(schema.get("if"), at, depth + 1);
            Rule then = schema.has("then") ? compile(schema.get("then"), at + "/../then", depth + 1) : ALWAYS;
            Rule otherwise = schema.has("else") ? compile(schema.get("else"), at + "/../else", depth + 1) : ALWAYS;
            return node -> switch (condition.check(node)) {
                case VALID -> then.check(node);
                case INVALID -> otherwise.check(node);
                case UNSURE -> Verdict.UNSURE;
            };
        }

        private Rule reference(JsonNode value, String at, int depth) {
            if (!value.isTextual() || !value.asText().startsWith("#")) {
                throw new UnsupportedSchemaException(at, "only references within the document are supported");
            }
            String pointer = value.asText().substring(1);
            Rule known = references.get(pointer);
            if (known != null) {
                return known;
            }
            JsonNode target = document.at(pointer);
            if (target.isMissingNode()) {
                throw new UnsupportedSchemaException(at, "reference to nothing: " + value.asText());
            }
            Rule rule = compile(target, "#" + pointer, depth + 1);
            references.put(pointer, rule);
            return rule;
        }

        private static Rule type(JsonNode value, String at) {
            Set<String> names = new HashSet<>();
            if (value.isTextual()) {
                names.add(value.asText());
            } else if (value.isArray()) {
                value.forEach(name -> names.add(name.asText()));
            }
            if (names.isEmpty() || !Set.of("string", "number", "integer", "boolean", "null", "object", "array")
                    .containsAll(names)) {
                throw new UnsupportedSchemaException(at, "unknown type " + value);
            }
            boolean string = names.contains("string");
            boolean number = names.contains("number");
            boolean integer = names.contains("integer") || number;
            boolean bool = names.contains("boolean");
            boolean nil = names.contains("null");
            boolean object = names.contains("object");
            boolean array = names.contains("array");
            return node -> switch (node.getNodeType()) {
                case STRING -> verdict(string);
                case BOOLEAN -> verdict(bool);
                case NULL -> verdict(nil);
                case OBJECT -> verdict(object);
                case ARRAY -> verdict(array);
                case NUMBER -> {
                    if (node.isIntegralNumber()) {
                        yield verdict(integer);
                    }
                    // 3.0 counts as an integer for the full validator; which fractions do is not mirrored.
                    yield number ? Verdict.VALID : integer ? Verdict.UNSURE : Verdict.INVALID;
                }
                default -> Verdict.UNSURE;
            };
        }

        private static Rule constant(JsonNode value, String at) {
            if (!value.isTextual()) {
                throw new UnsupportedSchemaException(at, "only string constants are supported");
            }
            String expected = value.asText();
            return node -> node.isTextual() ? verdict(expected.equals(node.textValue())) : Verdict.UNSURE;
        }

        private static Rule enumeration(JsonNode value, String at) {
            if (!value.isArray() || value.isEmpty()) {
                throw new UnsupportedSchemaException(at, "must be a non-empty array");
            }
            Set<String> strings = new HashSet<>();
            boolean nullAllowed = false;
            for (JsonNode option : value) {
                if (option.isTextual()) {
                    strings.add(option.asText());
                } else if (option.isNull()) {
                    nullAllowed = true;
                } else {
                    throw new UnsupportedSchemaException(at, "only strings and null are supported in an enum");
                }
            }
            boolean withNull = nullAllowed;
            return node -> node.isTextual() ? verdict(strings.contains(node.textValue()))
                    : node.isNull() ? verdict(withNull) : Verdict.UNSURE;
        }

        private static Rule required(JsonNode value, String at) {
            if (!value.isArray()) {
                throw new UnsupportedSchemaException(at, "must be an array of names");
            }
            String[] names = new String[value.size()];
            for (int i = 0; i < names.length; i++) {
                if (!value.get(i).isTextual()) {
                    throw new UnsupportedSchemaException(at, "must be an array of names");
                }
                names[i] = value.get(i).asText();
            }
            // A member that is present but null counts as present, as for the full validator.
            return node -> {
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                for (String name : names) {
                    if (node.get(name) == null) {
                        return Verdict.INVALID;
                    }
                }
                return Verdict.VALID;
            };
        }

        private Rule properties(JsonNode value, String at, int depth) {
            if (!value.isObject()) {
                throw new UnsupportedSchemaException(at, "must be an object of schemas");
            }
            List<String> names = new ArrayList<>();
            List<Rule> rules = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                names.add(property.getKey());
                rules.add(compile(property.getValue(), at + "/" + property.getKey(), depth + 1));
            }
            String[] fields = names.toArray(String[]::new);
            Rule[] checks = rules.toArray(Rule[]::new);
            return node -> {
                if (!node.isObject()) {
                    return Verdict.VALID;
                }
                Verdict result = Verdict.VALID;
                for (int i = 0; i < fields.length; i++) {
                    JsonNode member = node.get(fields[i]);
                    if (member != null) {
                        result = both(result, checks[i].check(member));
                        if (result == Verdict.INVALID) {
                            return result;
                        }
                    }
                }
                return result;
            };
        }

        private static int count(JsonNode value, String at) {
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
                throw new UnsupportedSchemaException(at, "must be a non-negative integer");
            }
            return value.asInt();
        }

        // Lengths count code points, as the full validator does.
        private static Rule length(int limit, boolean minimum) {
            return node -> {
                if (!node.isTextual()) {
                    return Verdict.VALID;
                }
                String text = node.textValue();
                int units = text.length();
                // Code points never outnumber UTF-16 units, and never fall below half of them.
                if (minimum ? units / 2 >= limit : units <= limit) {
                    return Verdict.VALID;
                }
                int points = text.codePointCount(0, units);
                return verdict(minimum ? points >= limit : points <= limit);
            };
        }

        // The full validator looks for the pattern anywhere in the string (Matcher.find), as JSON Schema says.
        private static Rule pattern(JsonNode value, String at) {
            if (!value.isTextual()) {
                throw new UnsupportedSchemaException(at, "must be a string");
            }
            Pattern pattern = Pattern.compile(value.asText());
            return node -> node.isTextual() ? verdict(pattern.matcher(node.textValue()).find()) : Verdict.VALID;
        }

        private static Rule bound(JsonNode value, String at, boolean minimum) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()
                    || Math.abs(value.asLong()) > (1L << 53)) {
                throw new UnsupportedSchemaException(at, "only integer bounds within a double's exact range");
            }
            long limit = value.asLong();
            return node -> {
                if (!node.isNumber()) {
                    return Verdict.VALID;
                }
                if (node.isInt() || node.isLong()) {
                    long number = node.longValue();
                    return verdict(minimum ? number >= limit : number <= limit);
                }
                if (node.isDouble() && Double.isFinite(node.doubleValue())) {
                    double number = node.doubleValue();
                    return verdict(minimum ? number >= limit : number <= limit);
                }
                return Verdict.UNSURE;
            };
        }

        private static Rule items(int limit, boolean minimum) {
            return node -> node.isArray() ? verdict(minimum ? node.size() >= limit : node.size() <= limit)
                    : Verdict.VALID;
        }

        private static Rule each(Rule item) {
            return node -> {
                if (!node.isArray()) {
                    return Verdict.VALID;
                }
                Verdict result = Verdict.VALID;
                for (int i = 0; i < node.size(); i++) {
                    result = both(result, item.check(node.get(i)));
                    if (result == Verdict.INVALID) {
                        return result;
                    }
                }
                return result;
            };
        }
    }

    private static Rule allOf(List<Rule> rules) {
        Rule[] all = rules.toArray(Rule[]::new);
        return node -> {
            Verdict result = Verdict.VALID;
            for (Rule rule : all) {
                result = both(result, rule.check(node));
                if (result == Verdict.INVALID) {
                    return result;
                }
            }
            return result;
        };
    }

    private static Rule anyOf(List<Rule> rules) {
        Rule[] any = rules.toArray(Rule[]::new);
        return node -> {
            Verdict result = Verdict.INVALID;
            for (Rule rule : any) {
                Verdict verdict = rule.check(node);
                if (verdict == Verdict.VALID) {
                    return Verdict.VALID;
                }
                if (verdict == Verdict.UNSURE) {
                    result = Verdict.UNSURE;
                }
            }
            return result;
        };
    }

    /** Both must hold: invalid if either is, else unsure if either is. */
    private static Verdict both(Verdict a, Verdict b) {
        if (a == Verdict.INVALID || b == Verdict.INVALID) {
            return Verdict.INVALID;
        }
        return a == Verdict.UNSURE || b == Verdict.UNSURE ? Verdict.UNSURE : Verdict.VALID;
    }

    private static Verdict verdict(boolean valid) {
        return valid ? Verdict.VALID : Verdict.INVALID;
    }
}
