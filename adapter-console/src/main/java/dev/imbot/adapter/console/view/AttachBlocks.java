package dev.imbot.adapter.console.view;

import java.util.Map;

/**
 * View model: a message's {@code ATTACH} (its stored JSON, full form) as safe HTML: {@code MESSAGE}
 * as BB-code, {@code LINK} and {@code FILE} as links, {@code USER} as a name, {@code GRID} as a
 * list of name and value, {@code IMAGE} as a link (pictures from elsewhere are not loaded), {@code
 * DELIMITER} as a rule. Every text is escaped.
 */
public final class AttachBlocks {

  private AttachBlocks() {}

  /** The HTML of the blocks, empty when there is no {@code ATTACH} or it cannot be read. */
  public static String toHtml(String json) {
    Object tree = JsonTree.read(json);
    if (tree == null) {
      return "";
    }
    Object blocks = tree instanceof Map<?, ?> ? JsonTree.map(tree).get("BLOCKS") : tree;
    StringBuilder html = new StringBuilder("<div class=\"attach\">");
    for (Object block : JsonTree.list(blocks)) {
      for (Map.Entry<String, Object> part : JsonTree.map(block).entrySet()) {
        block(part.getKey(), part.getValue(), html);
      }
    }
    return html.append("</div>").toString();
  }

  private static void block(String kind, Object value, StringBuilder html) {
    switch (kind) {
      case "MESSAGE" -> {
        html.append("<p class=\"attach-message\">");
        html.append(BbCode.toHtml(JsonTree.text(value)));
        html.append("</p>");
      }
      case "LINK" -> {
        Map<String, Object> link = JsonTree.map(value);
        html.append("<p class=\"attach-link\">");
        link(link, "LINK", html);
        String description = JsonTree.text(link.get("DESC"));
        if (description != null && !description.isBlank()) {
          html.append("<br><span class=\"muted\">");
          html.append(BbCode.toHtml(description));
          html.append("</span>");
        }
        html.append("</p>");
      }
      case "USER" -> {
        html.append("<p class=\"attach-user\">");
        link(JsonTree.map(value), "USER", html);
        html.append("</p>");
      }
      case "GRID" -> {
        html.append("<dl class=\"attach-grid\">");
        for (Object cell : JsonTree.list(value)) {
          Map<String, Object> c = JsonTree.map(cell);
          html.append("<div><dt>");
          BbCode.escape(orEmpty(JsonTree.text(c.get("NAME"))), html);
          html.append("</dt><dd>");
          html.append(BbCode.toHtml(JsonTree.text(c.get("VALUE"))));
          html.append("</dd></div>");
        }
        html.append("</dl>");
      }
      case "IMAGE", "FILE" -> {
        for (Object item : JsonTree.list(value)) {
          html.append("<p class=\"attach-").append(kind.equals("IMAGE") ? "image" : "file");
          html.append("\">");
          link(JsonTree.map(item), kind.equals("IMAGE") ? "image" : "file", html);
          html.append("</p>");
        }
      }
      case "DELIMITER" -> html.append("<hr class=\"attach-delimiter\">");
      default -> {
        // Keys Bitrix24 sends beside a block (COLOR, …) render nothing.
      }
    }
  }

  /** {@code NAME} as a link to {@code LINK} when that is a safe address, else as text. */
  private static void link(Map<String, Object> node, String fallback, StringBuilder html) {
    String name = JsonTree.text(node.get("NAME"));
    String href = JsonTree.text(node.get("LINK"));
    String label = name == null || name.isBlank() ? (href == null ? fallback : href) : name;
    if (BbCode.isWebLink(href)) {
      html.append("<a href=\"");
      BbCode.escape(href, html);
      html.append("\" target=\"_blank\" rel=\"noopener noreferrer\">");
      BbCode.escape(label, html);
      html.append("</a>");
    } else {
      BbCode.escape(label, html);
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
