package dev.trent.policy;

/** The statement that decided an evaluation: its position in the document, Sid (null if none), effect and how its principal matched. */
public record MatchedStatement(int index, String sid, Effect effect, PrincipalMatch principalMatch) {
}
