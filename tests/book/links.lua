-- links.lua: a pandoc filter for tests/bin/book. A link to a file of the
-- repository (../shared/design/seed-guide.md, say) is written relative to
-- WORKBOOK.md; the page lives elsewhere (build/book/), so such a link gets
-- the metadata field book-root (the way from the page back to WORKBOOK.md's
-- folder) in front. Anchors (#...), URLs and images are left as they are:
-- tests/bin/book copies the images beside the page.
local root = ""

function Meta(meta)
  if meta["book-root"] then
    root = pandoc.utils.stringify(meta["book-root"])
  end
end

function Link(link)
  local t = link.target
  if t:sub(1, 1) ~= "#" and not t:match("^%a[%w+.-]*:") and t:sub(1, 1) ~= "/" then
    link.target = root .. t
  end
  return link
end

return { { Meta = Meta }, { Link = Link } }
