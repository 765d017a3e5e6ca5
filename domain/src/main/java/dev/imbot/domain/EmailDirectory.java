package dev.imbot.domain;

/** What {@link EmailUniquenessPolicy} needs to know about the portal's addresses. */
public interface EmailDirectory {

  /** Whether a portal user (a person) has this address, compared case-insensitively. */
  boolean usedByPortalUser(Email email);

  /** Whether a bot other than {@code except} (null: any bot) has this address. */
  boolean usedByBot(Email email, BotId except);
}
