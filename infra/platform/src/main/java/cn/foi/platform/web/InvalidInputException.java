package cn.foi.platform.web;

/** Input that is well-formed JSON but not acceptable, such as an unknown category; answered as 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
