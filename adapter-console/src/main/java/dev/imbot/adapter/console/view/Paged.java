package dev.imbot.adapter.console.view;

import java.util.List;

/**
 * View model: one page of a list: its items, its number (from 1), how many pages, how many items.
 */
public record Paged<T>(List<T> items, int page, int pages, int total) {
  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }
}
