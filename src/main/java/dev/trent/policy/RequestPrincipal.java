package dev.trent.policy;

import java.util.regex.Matcher;

/**
 * Who makes a request: an AWS principal (IAM user, role, assumed-role session, account root) by ARN,
 * or an AWS service by its service principal name ({@code ec2.amazonaws.com}).
 */
public record RequestPrincipal(Type type, String name, String account) {

    public enum Type {
        AWS,
        SERVICE,
        FEDERATED
    }

    /** An IAM ARN; its account is the ARN's fifth field. */
    public static RequestPrincipal aws(String arn) {
        String[] parts = ArnPattern.split(arn);
        if (parts == null || !parts[0].equals("arn") || parts[4].isEmpty()) {
            throw new IllegalArgumentException("not an IAM principal ARN: " + arn);
        }
        return new RequestPrincipal(Type.AWS, arn, parts[4]);
    }

    /** The account itself: {@code arn:PARTITION:iam::ACCOUNT:root}. */
    public static RequestPrincipal root(String partition, String account) {
        return aws("arn:" + partition + ":iam::" + account + ":root");
    }

    public static RequestPrincipal service(String servicePrincipal) {
        return new RequestPrincipal(Type.SERVICE, servicePrincipal, null);
    }

    public static RequestPrincipal federated(String provider) {
        return new RequestPrincipal(Type.FEDERATED, provider, null);
    }

    /** The ARN of this AWS principal's account root ({@code arn:aws:iam::111122223333:root}). */
    public String accountRoot() {
        return root(partition(), account).name();
    }

    public boolean isRoot() {
        return type == Type.AWS && name.endsWith(":root") && name.contains(":iam::");
    }

    /**
     * Whether this principal is the one {@code arn} names: that ARN itself, or, for an assumed-role
     * session, the role's ARN (with any path), as grants to a role serve its sessions.
     */
    public boolean actsAs(String arn) {
        if (name.equals(arn)) {
            return true;
        }
        String role = assumedRoleName();
        if (role == null) {
            return false;
        }
        Matcher m = PrincipalSet.ROLE.matcher(arn);
        return m.matches() && m.group(1).equals(account) && m.group(2).equals(role);
    }

    String partition() {
        return type == Type.AWS ? name.split(":", 3)[1] : null;
    }

    /** The IAM user name of a user ARN ({@code arn:aws:iam::A:user/path/name}), the value of aws:username. */
    String userName() {
        if (type != Type.AWS || !name.contains(":user/")) { // most callers are roots or roles: no split
            return null;
        }
        String[] parts = ArnPattern.split(name);
        if (parts == null || !parts[2].equals("iam") || !parts[5].startsWith("user/")) {
            return null;
        }
        return parts[5].substring(parts[5].lastIndexOf('/') + 1);
    }

    /**
     * The role an assumed-role session ({@code arn:aws:sts::A:assumed-role/ROLE/SESSION}) acts for, by
     * name: a policy naming the role ARN (with any path) applies to the role's sessions.
     */
    String assumedRoleName() {
        if (type != Type.AWS || !name.contains(":assumed-role/")) { // most callers are not sessions: no split
            return null;
        }
        String[] parts = ArnPattern.split(name);
        if (parts == null || !parts[2].equals("sts") || !parts[5].startsWith("assumed-role/")) {
            return null;
        }
        String rest = parts[5].substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
