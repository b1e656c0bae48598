"""What the site keeps so that it answers fast, and what drops it.

- `page_cache`: whole public pages for anonymous visitors, and fragments (a card, the page
  chrome) kept under the tags of what they show; shared by every app server.
- `routing`: a page found from its address without walking the tree, for the views the page
  cache cannot answer.
- `invalidation`: what each change drops (tags) and purges from the CDN.
- `sites`, `tags`, `fragments`, `pickles`: the site a request is for, the tags' marks, values
  shared by many pages, and what reading an entry of another release raises.
"""
