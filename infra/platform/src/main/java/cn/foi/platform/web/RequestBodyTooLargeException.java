package cn.foi.platform.web;

import java.io.IOException;

/** A request body over the API's size limit. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("请求内容超过 " + (limit / 1024) + " KB 的上限");
    }
}
