package vn.hoso.cases;

import java.util.List;

import vn.hoso.platform.InvalidRequest;

/** 400 application/problem+json naming each bad field. */
class InvalidCaseRequest extends InvalidRequest {

    InvalidCaseRequest(List<FieldError> errors) {
        super("Invalid case file", "The case was not received: " + errors.size() + " field(s) are invalid.", errors);
    }
}
