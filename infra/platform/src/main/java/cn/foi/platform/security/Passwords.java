package cn.foi.platform.security;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt as the system uses it. bcrypt reads at most 72 bytes of a password, and Spring Security refuses to hash or
 * check a longer one (an IllegalArgumentException, which would surface as a 500): a new password over the limit is
 * refused with the field's name ({@link #tooLong}), and checking one at sign-in is simply a wrong password, since no
 * stored hash can have come from it.
 */
public final class Passwords extends BCryptPasswordEncoder {

    /** What bcrypt reads of a password; in UTF-8 a Chinese character takes three bytes. */
    public static final int MAX_BYTES = 72;

    public Passwords(int strength) {
        super(strength);
    }

    public static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** The clerk's words for the limit. */
    public static String tooLongMessage() {
        return "密码最多 " + MAX_BYTES + " 个字节（英文字母、数字每个 1 个字节，汉字每个 3 个字节）";
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (tooLong(rawPassword)) {
            return false;
        }
        return super.matches(rawPassword, encodedPassword);
    }
}
