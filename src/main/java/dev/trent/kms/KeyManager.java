package dev.trent.kms;

/** Who manages a key: the customer, or an AWS service ({@code alias/aws/...} keys). */
public enum KeyManager {
    CUSTOMER,
    AWS
}
