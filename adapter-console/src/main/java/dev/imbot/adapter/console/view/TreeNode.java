package dev.imbot.adapter.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * View model: one node of a body decoded as a tree: a key with a value (a leaf) or with the nodes
 * under it (a branch), as PHP's {@code parse_str} gives a handler its {@code $_REQUEST}.
 */
public record TreeNode(String key, String value, List<TreeNode> children) {

  public TreeNode {
    children = List.copyOf(children);
  }

  public boolean leaf() {
    return value != null;
  }

  /** The nodes of {@code tree} (string leaves and nested maps), in order. */
  public static List<TreeNode> of(Map<String, Object> tree) {
    List<TreeNode> nodes = new ArrayList<>();
    tree.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> branch = (Map<String, Object>) nested;
            nodes.add(new TreeNode(key, null, of(branch)));
          } else {
            nodes.add(new TreeNode(key, String.valueOf(value), List.of()));
          }
        });
    return nodes;
  }
}
